package org.mpamcheck.smt;

import com.microsoft.z3.Expr;
import java.util.function.Function;
import org.mpamcheck.spec.Sort;

/**
 * A spec value seen symbolically. Scalars are Z3 terms; sets and functions stay closures over
 * their argument until applied, so that {@code [f EXCEPT ![a] = v]}, {@code {x \in S : P}} or a
 * builder never become Z3 arrays or lambdas: applying one yields an {@code ite} or the body with
 * the argument substituted, and the only quantifiers are the spec's own and those of equality
 * between functions (extensionality). Integers occur only as cardinalities compared with
 * constants, the one use the spec makes of them.
 */
sealed interface Sym {

    /** A Z3 term of a scalar sort (booleans included). */
    record Scalar(Expr<?> term) implements Sym {
    }

    /** A function or a set (a function to booleans) over {@code domain}. */
    record Fn(Sort domain, Function<Expr<?>, Sym> at) implements Sym {
    }

    /** The cardinality of a set: meaningful only compared with a constant. */
    record Card(Fn set) implements Sym {
    }

    /** An integer constant. */
    record Num(long value) implements Sym {
    }

    default Expr<?> term() {
        if (this instanceof Scalar s) {
            return s.term();
        }
        throw new EncodingException("a " + getClass().getSimpleName()
                + " where a scalar is expected");
    }

    default Fn fn() {
        if (this instanceof Fn f) {
            return f;
        }
        throw new EncodingException("a " + getClass().getSimpleName()
                + " where a set or function is expected");
    }
}
