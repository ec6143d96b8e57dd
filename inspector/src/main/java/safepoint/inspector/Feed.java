package safepoint.inspector;

import java.util.List;
import safepoint.vm.Machine;
import safepoint.vm.event.Events;
import safepoint.vm.observe.MachineView;

/**
 * What the panes read: the latest look and the buffered events. A local {@link Machine} is one
 * feed ({@link #of}); a machine in another process, read over the attach protocol, is another
 * ({@code attach.AttachClient}), which rebuilds the same records from JSON, so the panes cannot
 * tell the two apart.
 */
public interface Feed {
    /** The latest view, or null when none has come yet. */
    MachineView look();

    /** The events still buffered, in sequence order (the log takes only those newer than it saw). */
    List<Events.Event> events();

    /** Events the source dropped before the inspector saw them. */
    long dropped();

    /** A line to show in the status bar (a slow connection, a closed one), or null. */
    default String notice() {
        return null;
    }

    /** The local machine as a feed: a fresh look each call. */
    static Feed of(Machine vm) {
        return new Feed() {
            @Override
            public MachineView look() {
                return vm.look();
            }

            @Override
            public List<Events.Event> events() {
                return vm.events.snapshot();
            }

            @Override
            public long dropped() {
                return vm.events.dropped();
            }
        };
    }
}
