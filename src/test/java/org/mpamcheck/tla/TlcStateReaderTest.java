package org.mpamcheck.tla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpamcheck.model.examples.Examples;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.State;

/** TLC's printed states read back into spec values, in the layouts TLC uses. */
class TlcStateReaderTest {

    @Test
    void aLoneVariableIsPrintedWithoutTheConjunctionBullet() {
        Spec spec = Examples.symmetricTokens(2, 4, 2);
        State s = TlcStateReader.state(spec, List.of("phase = (proc0 :> 3 @@ proc1 :> 0)"));
        assertEquals("(proc0 :> 3, proc1 :> 0)", s.get("phase").toString());
    }

    @Test
    void valuesWrappedOverSeveralLinesAndInAnyVariableOrderAreRead() {
        Spec spec = Examples.partidAllocator(false, 3, 2);
        State s = TlcStateReader.state(spec, List.of("/\\ loaded = {1,", "  2}",
                "/\\ state = (g0 :> \"live\" @@", "   g1 :> \"dying\")",
                "/\\ freeIds = {}", "/\\ partid = (g0 :> 1 @@ g1 :> 2)", ""));
        assertEquals("{1, 2}", s.get("loaded").toString());
        assertEquals("(g0 :> live, g1 :> dying)", s.get("state").toString());
        assertEquals("{}", s.get("freeIds").toString());
    }

    @Test
    void tuplesRecordsNegativeIntegersAndNoneValuesParse() {
        TlcValue v = TlcValueParser.parse("<<[user |-> TRUE, kernel |-> FALSE], -1, noCpu, {}>>");
        assertEquals(new TlcValue.Tuple(List.of(new TlcValue.Rec(java.util.Map.of("user",
                new TlcValue.Name("TRUE"), "kernel", new TlcValue.Name("FALSE"))),
                new TlcValue.Int(-1), new TlcValue.Name("noCpu"), new TlcValue.SetOf(List.of()))),
                v);
    }

    @Test
    void aValueOfTheWrongShapeIsRejected() {
        Spec spec = Examples.mutex(2, false);
        assertThrows(IllegalArgumentException.class, () -> TlcStateReader.state(spec,
                List.of("/\\ pc = {1}", "/\\ locked = FALSE")));
        assertThrows(IllegalArgumentException.class, () -> TlcValueParser.parse("(a :> 1 @@"));
    }
}
