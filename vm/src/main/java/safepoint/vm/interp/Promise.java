package safepoint.vm.interp;

import safepoint.vm.data.HeapObj;
import safepoint.vm.data.Printable;
import safepoint.vm.data.Serials;

/** A promise ({@code delay}, {@code make-promise}): a thunk until forced, then its value. */
final class Promise extends HeapObj implements Printable {
    boolean done;
    Object value; // the thunk until done

    Promise(boolean done, Object value) {
        this.done = done;
        this.value = value;
    }

    @Override
    public void printOn(StringBuilder out, boolean write, Serials vm) {
        out.append("#<promise").append(vm.tag(this)).append('>');
    }
}
