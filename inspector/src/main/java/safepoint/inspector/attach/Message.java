package safepoint.inspector.attach;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import safepoint.inspector.Control;
import safepoint.vm.event.Events;
import safepoint.vm.observe.MachineView;

/** A line the server sends (docs/attach.md); its {@code "type"} says which. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = Message.Hello.class, name = "hello"),
        @JsonSubTypes.Type(value = Message.Welcome.class, name = "welcome"),
        @JsonSubTypes.Type(value = Message.View.class, name = "view"),
        @JsonSubTypes.Type(value = Message.EventBatch.class, name = "events"),
        @JsonSubTypes.Type(value = Message.Notice.class, name = "notice"),
        @JsonSubTypes.Type(value = Message.World.class, name = "world"),
        @JsonSubTypes.Type(value = Message.Error.class, name = "error")})
public sealed interface Message {
    /** The first line: the protocol's version, and what the client must send first. */
    record Hello(int protocol, String server, boolean control, String expect) implements Message {}

    /** The token was right: views and events follow, one look every {@code periodMillis}. */
    record Welcome(boolean control, long periodMillis) implements Message {}

    record View(MachineView view) implements Message {}

    /**
     * The events since the last batch; {@code dropped}: what the VM's live rings have dropped so
     * far; {@code rewound}: the machine was rewound (a step back, the time line), so these are all
     * its events now, in place of every event sent before.
     */
    record EventBatch(List<Events.Event> events, long dropped, boolean rewound) implements Message {
        public EventBatch(List<Events.Event> events, long dropped) {
            this(events, dropped, false);
        }
    }

    /** Something the client should know; {@code degraded}: events are no longer sent, only a view now and then. */
    record Notice(String text, boolean degraded) implements Message {}

    /**
     * Only from a {@code --control} server: the paused world's time line (null when the world is
     * not paused), after each view; and after a control line, what it did ({@code said}, else null).
     */
    record World(String said, Control.TimeLine timeLine) implements Message {}

    /** A refused line; {@code closing} when the server closes the connection after it. */
    record Error(String message, boolean closing) implements Message {}
}
