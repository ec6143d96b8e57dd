package safepoint.repl;

import safepoint.repl.view.LocksText;
import safepoint.repl.view.ProcessorsText;
import safepoint.repl.view.ThreadsText;
import safepoint.vm.Machine;
import safepoint.vm.analysis.ExplanationText;
import safepoint.vm.observe.MachineView;

/** Ctrl-\\ at the prompt: Safepoint's own dump of the machine (a jstack for green threads), from one look. */
final class Dump {
    private Dump() {}

    static String of(Machine vm) {
        MachineView v = vm.look();
        return "--- Safepoint dump: threads\n" + ThreadsText.of(v)
                + "--- processors\n" + ProcessorsText.of(v)
                + "--- contended locks\n" + LocksText.of(v)
                + "--- wait-for analysis\n" + ExplanationText.survey(vm.survey());
    }
}
