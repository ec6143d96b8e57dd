package safepoint.inspector.attach;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import safepoint.vm.event.Ref;
import safepoint.vm.event.What;
import safepoint.vm.observe.Wait;

/**
 * The attach protocol's JSON (docs/attach.md): the VM's own view and event records, written as
 * they are, with a {@code "type"} member naming the record wherever a field holds one of a sealed
 * family (an event's {@code What}, a thread's {@code Wait}, a wait's {@code WaitOn}, an event's
 * {@code Ref}). The VM knows nothing of JSON: the discriminators come from mix-ins here, and the
 * subtypes are read from the sealed interfaces' permitted subclasses, so a new event record is
 * serialized with no change to this class.
 */
public final class Json {
    private Json() {}

    /** The protocol's version, in the hello line; a client refuses any other. */
    public static final int PROTOCOL = 1;

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    private interface Typed {}

    /** Shared by server and client: thread-safe once configured. */
    public static final ObjectMapper MAPPER = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper();
        // A newer server may add fields; an older viewer ignores them.
        m.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        m.configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);
        for (Class<?> family : new Class<?>[] {What.class, What.WaitOn.class, Ref.class, Wait.class, safepoint.tables.TableStep.class}) {
            m.addMixIn(family, Typed.class);
            register(m, family);
        }
        return m;
    }

    /** Each permitted subclass of {@code family}, by its simple name (Jackson 2 does not read sealed families itself). */
    private static void register(ObjectMapper m, Class<?> family) {
        for (Class<?> c : family.getPermittedSubclasses()) m.registerSubtypes(new NamedType(c, c.getSimpleName()));
    }

    /** One line of JSON (no newline inside: Jackson escapes control characters in strings). */
    public static String line(Object o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + o.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
