package safepoint.vm.analysis;

import java.util.List;

/**
 * A hang proven on a raw table (demo (d)): {@code thread} probes {@code table} in {@code op} for
 * ever, its full walk over {@code slots} slots having found neither its key nor an unused slot,
 * while the table's words say {@code count} entries and {@code free} never used; nothing else can
 * write it: every other thread ended ({@code ended} of them), waits for ever ({@code waiting},
 * by name) or probes for ever too ({@code otherProbers}). Names only, so a report may keep it.
 */
public record ProbeHang(String thread, String table, String op, int slots, int count, int free, int ended,
        List<String> waiting, int otherProbers) {
    public ProbeHang {
        waiting = List.copyOf(waiting);
    }
}
