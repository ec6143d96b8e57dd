package safepoint.inspector;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A control for the tests: remembers every call and answers with its words; always at the same place on its time line. */
public final class RecordingControl implements Control {
    public final List<String> calls = new CopyOnWriteArrayList<>();
    private final TimeLine at;

    public RecordingControl(TimeLine at) {
        this.at = at;
    }

    @Override
    public String pauseOrResume() {
        calls.add("pause");
        return "paused (recorded)";
    }

    @Override
    public String step(int processor, String thread) {
        calls.add("step " + processor + " " + thread);
        return "stepped " + (processor >= 0 ? "P" + processor : thread == null ? "the world" : thread);
    }

    @Override
    public String back() {
        calls.add("back");
        return "went back (recorded)";
    }

    @Override
    public TimeLine timeLine() {
        return at;
    }

    @Override
    public String travel(long step) {
        calls.add("travel " + step);
        return "travelled to " + step + " (recorded)";
    }

    @Override
    public boolean visits() {
        return true;
    }
}
