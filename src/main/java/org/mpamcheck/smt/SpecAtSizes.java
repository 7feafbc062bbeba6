package org.mpamcheck.smt;

import java.util.Map;
import org.mpamcheck.spec.Spec;

/**
 * The same spec at other sizes: the symmetric and range sorts named in {@code sizes} get that
 * many elements. The model provides it (it knows which scope bound sizes which sort); a
 * counterexample to induction found at some finite size is replayed on that spec natively.
 * Throws {@link IllegalArgumentException} for sizes the model cannot build.
 */
@FunctionalInterface
public interface SpecAtSizes {

    Spec at(Map<String, Integer> sizes);
}
