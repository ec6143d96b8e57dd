package safepoint.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import safepoint.vm.Machine;
import safepoint.vm.observe.BarrierView;
import safepoint.vm.observe.HeapView;
import safepoint.vm.observe.MachineView;
import safepoint.vm.observe.ProcessorView;
import safepoint.vm.observe.Ref;
import safepoint.vm.observe.ThreadView;
import safepoint.vm.observe.Wait;

/** 100,000 threads in a look: the threads pane formats only the rows it shows, wherever it is scrolled. */
class ManyThreadsTest {
    static MachineView view(int n) {
        Ref m = new Ref(Ref.Kind.MUTEX, 1, "#<mutex m>");
        List<ThreadView> threads = new ArrayList<>(n);
        ThreadView.Progress none = new ThreadView.Progress(0, 0, 0, 0, 0);
        for (int i = 1; i <= n; i++) {
            Ref t = new Ref(Ref.Kind.THREAD, i, "#<thread w" + i + ">");
            threads.add(i == 1 ? new ThreadView(t, ThreadView.State.RUNNING, 0, false, false, null, null, List.of(m), List.of(), none)
                    : new ThreadView(t, ThreadView.State.WAITING, -1, false, false, new Wait.ToLock(m, threads.get(0).thread(), -1), null,
                            List.of(), List.of(new ThreadView.Call("worker", "\"w.ss\"@3.5")), none));
        }
        List<ProcessorView> procs = List.of(new ProcessorView(0, ProcessorView.State.RUNNING, threads.get(0).thread(), 0, 1, 5, 0, -1));
        return new MachineView(MachineView.Mode.IDLE, 0, 1, procs, 0, n - 1, threads, List.of(), new BarrierView(false, null, List.of()),
                new HeapView(1000, 0, 0, 0, 0, 0, 0), List.of(), List.of());
    }

    @Test
    void onlyTheVisibleRowsAreFormattedAtTheTopAtTheEndAndFiltered() throws Exception {
        Inspector in = new Inspector(new Machine(new StringWriter(), new StringWriter(), new StringReader(""), 0));
        in.looks.add(view(100_000));
        in.model.focus(Pane.THREADS);
        Scripted.Headless h = Scripted.Headless.of(80, 24);
        String top = h.draw(in);
        int visible = 24 - 3 - 2; // status, tabs, key bar; the pane's title and header
        assertEquals(visible, in.frame.formatted.get(Pane.THREADS));
        assertTrue(top.contains("─ Threads (1-" + visible + " of 100000)"), top);
        assertTrue(top.contains("WAITING #<mutex m>"), top);
        in.model.key(new KeyStroke(KeyType.End));
        String end = h.draw(in);
        assertEquals(visible, in.frame.formatted.get(Pane.THREADS));
        assertTrue(end.contains("(" + (100_000 - visible + 1) + "-100000 of 100000)"), end);
        assertTrue(end.contains("\n100000  w100000 "), end);
        for (char c : "/w9999".toCharArray()) in.model.key(new KeyStroke(c, false, false));
        in.model.key(new KeyStroke(KeyType.Enter));
        String filtered = h.draw(in);
        assertTrue(filtered.contains("(1-" + visible + " of 11)") || filtered.contains("(11)"), filtered);
        in.model.key(new KeyStroke(KeyType.Enter));
        String bt = h.draw(in);
        assertTrue(bt.contains("  0  worker                         \"w.ss\"@3.5"), bt);
        assertTrue(in.frame.formatted.get(Pane.THREADS) < visible, "the backtrace takes part of the pane");
    }
}
