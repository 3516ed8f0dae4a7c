package dev.millrace.streams.kstream;

import dev.millrace.streams.errors.TopologyException;

import java.util.Objects;

/**
 * The user-chosen name of a processor, mirroring Kafka's {@code Named}.
 *
 * <p>A non-null name is validated like Kafka validates it: not empty, not {@code "."} or {@code ".."}, at most 249
 * characters, and only ASCII letters, digits, {@code '.'}, {@code '_'} and {@code '-'}; a violation throws
 * {@link TopologyException} with Kafka's message. {@link #withName(String)} returns a new instance; instances are
 * immutable once built and may be shared between threads.
 */
public class Named implements NamedOperation<Named> {

    private static final int MAX_NAME_LENGTH = 249;

    /** The name, or null when the DSL should generate one (only internal subclasses create that state). */
    protected String name;

    /**
     * Copies another {@code Named}.
     *
     * @param named the instance to copy, not null
     * @throws NullPointerException if {@code named} is null
     */
    protected Named(Named named) {
        this(Objects.requireNonNull(named, "named cannot be null").name);
    }

    /**
     * Creates a name, validating it unless it is null.
     *
     * @param name the name, or null for "generate one"
     * @throws TopologyException if the name is illegal
     */
    protected Named(String name) {
        this.name = name;
        if (name != null) {
            validate(name);
        }
    }

    /**
     * Creates a processor name.
     *
     * @param name the name, not null
     * @return the validated name
     * @throws NullPointerException if the name is null
     * @throws TopologyException if the name is illegal
     */
    public static Named as(String name) {
        Objects.requireNonNull(name, "name cannot be null");
        return new Named(name);
    }

    @Override
    public Named withName(String name) {
        Objects.requireNonNull(name, "name cannot be null");
        return new Named(name);
    }

    /**
     * Checks a processor, store or topic-derived name against Kafka's rules.
     *
     * @param name the name to check, not null
     * @throws TopologyException if the name is empty, {@code "."}, {@code ".."}, longer than 249 characters, or
     *     contains a character other than ASCII alphanumerics, {@code '.'}, {@code '_'} and {@code '-'}
     */
    protected static void validate(String name) {
        if (name.isEmpty()) {
            throw new TopologyException("Name is illegal, it can't be empty");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new TopologyException("Name cannot be \".\" or \"..\"");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new TopologyException("Name is illegal, it can't be longer than " + MAX_NAME_LENGTH
                + " characters, name: " + name);
        }
        if (!hasOnlyLegalCharacters(name)) {
            throw new TopologyException("Name \"" + name + "\" is illegal, it contains a character other than "
                + "ASCII alphanumerics, '.', '_' and '-'");
        }
    }

    private static boolean hasOnlyLegalCharacters(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean legal = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-';
            if (!legal) {
                return false;
            }
        }
        return true;
    }
}
