package safepoint.vm.interp;

import safepoint.vm.data.Src;

/** Where a call sits: the enclosing procedure's name (or null at top level) and its source. */
public record Where(String procName, Src src) {}
