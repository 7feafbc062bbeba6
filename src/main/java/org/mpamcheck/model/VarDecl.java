package org.mpamcheck.model;

import java.util.function.Function;
import org.mpamcheck.spec.Type;
import org.mpamcheck.spec.Value;

/**
 * A variant's own state variable, declared independently of the scope: the variant keeps the
 * declaration as a constant and asks {@link ResctrlState#get} for the handle of one model
 * instance. The declaration object itself is the key, so no name is matched.
 *
 * @param name the variable's identifier in exported modules
 * @param type its type at a scope (sorts come from the state)
 * @param description one line for the exported modules
 * @param initial its value after mount
 */
public record VarDecl(String name, Function<ResctrlState, Type> type, String description,
        Function<ResctrlState, Value> initial) {
}
