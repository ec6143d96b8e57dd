package safepoint.vm.read;

import java.util.List;
import safepoint.vm.data.Condition;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.Src;

/** Builds the datum-parsing exceptions the reader raises; texts are gsi's. */
final class ReadError {
    static final String EOF_IN_FORM = "Incomplete form, EOF reached";
    static final String INCOMPLETE = "Incomplete form";
    static final String DATUM_OR_EOF = "Datum or EOF expected";
    static final String DATUM = "Datum expected";
    static final String DOT = "Improperly placed dot";
    static final String TOKEN = "Invalid token";
    static final String CHAR_RANGE = "Character out of range";
    static final String HEX_ESCAPE = "Invalid hexadecimal escape";
    static final String U8 = "Unsigned 8 bit exact integer expected";
    static final String INFIX = "Invalid infix syntax";

    private ReadError() {}

    static SchemeError at(String file, int line, int col, String message) {
        SchemeError e = new SchemeError(new Condition(Condition.Kind.READ, message, List.of(), null, List.of(), 0));
        e.where = new Src(file, line, col);
        return e;
    }
}
