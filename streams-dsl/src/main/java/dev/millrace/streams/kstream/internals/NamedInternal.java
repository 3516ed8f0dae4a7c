package dev.millrace.streams.kstream.internals;

import dev.millrace.streams.kstream.Named;

/**
 * The engine's view of a {@link Named}: exposes the name and resolves it against generated names with Kafka's
 * index-burning rule. When the user named an operation, the generated-name index is still consumed (the generated
 * name is discarded) so that the names of later, unnamed operations stay the same as in Kafka's topology.
 *
 * <p>Immutable; used only by the thread building the topology.
 */
public class NamedInternal extends Named {

    /**
     * Wraps a user's name.
     *
     * @param named the name to wrap, not null
     */
    public NamedInternal(Named named) {
        super(named);
    }

    /**
     * Creates a name, validating it unless it is null.
     *
     * @param name the name, or null for "generate one"
     */
    public NamedInternal(String name) {
        super(name);
    }

    /** @return an instance without a name */
    public static NamedInternal empty() {
        return new NamedInternal((String) null);
    }

    /**
     * Creates an instance with the given name.
     *
     * @param name the name, or null
     * @return the new instance
     */
    public static NamedInternal with(String name) {
        return new NamedInternal(name);
    }

    /** @return the user's name, or null if none was given */
    public String name() {
        return name;
    }

    @Override
    public NamedInternal withName(String name) {
        return new NamedInternal(name);
    }

    /**
     * Returns the user's name plus the suffix, or {@code other} when there is no user name. Consumes no index.
     *
     * @param suffix the suffix to append
     * @param other the name to use without a user name
     * @return the resolved name
     */
    public String suffixWithOrElseGet(String suffix, String other) {
        return name != null ? name + suffix : other;
    }

    /**
     * Returns the user's name plus the suffix (validated again, since it may now be too long), or a generated
     * processor name. Always consumes one processor-name index.
     *
     * @param suffix the suffix to append
     * @param provider the name generator
     * @param prefix the prefix of a generated name
     * @return the resolved name
     * @throws dev.millrace.streams.errors.TopologyException if the suffixed name is illegal
     */
    public String suffixWithOrElseGet(String suffix, InternalNameProvider provider, String prefix) {
        String generated = provider.newProcessorName(prefix);
        if (name == null) {
            return generated;
        }
        String suffixed = name + suffix;
        validate(suffixed);
        return suffixed;
    }

    /**
     * Returns the user's name or a generated processor name. Always consumes one processor-name index.
     *
     * @param provider the name generator
     * @param prefix the prefix of a generated name
     * @return the resolved name
     */
    public String orElseGenerateWithPrefix(InternalNameProvider provider, String prefix) {
        String generated = provider.newProcessorName(prefix);
        return name != null ? name : generated;
    }
}
