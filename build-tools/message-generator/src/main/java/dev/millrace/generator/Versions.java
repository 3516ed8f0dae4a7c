package dev.millrace.generator;

/**
 * An inclusive range of versions, written {@code 3+}, {@code 0-12}, {@code 5} or {@code none}.
 *
 * @param lowest first version in the range
 * @param highest last version in the range ({@link Short#MAX_VALUE} for open ranges)
 */
public record Versions(short lowest, short highest) {
    public static final Versions NONE = new Versions((short) 1, (short) 0);
    public static final Versions ALL = new Versions((short) 0, Short.MAX_VALUE);

    public static Versions parse(String text) {
        String t = text.trim();
        if (t.equals("none")) {
            return NONE;
        }
        try {
            if (t.endsWith("+")) {
                return new Versions(Short.parseShort(t.substring(0, t.length() - 1)), Short.MAX_VALUE);
            }
            int dash = t.indexOf('-');
            if (dash > 0) {
                Versions v = new Versions(Short.parseShort(t.substring(0, dash)), Short.parseShort(t.substring(dash + 1)));
                if (v.isEmpty()) {
                    throw new IllegalArgumentException("versions=" + text + " reason=emptyRange");
                }
                return v;
            }
            short single = Short.parseShort(t);
            return new Versions(single, single);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("versions=" + text + " reason=notAVersionRange", e);
        }
    }

    public boolean isEmpty() {
        return lowest > highest;
    }

    public boolean contains(int version) {
        return version >= lowest && version <= highest;
    }

    public boolean contains(Versions other) {
        return other.isEmpty() || (contains(other.lowest) && contains(other.highest));
    }

    Versions intersect(Versions other) {
        Versions v = new Versions((short) Math.max(lowest, other.lowest), (short) Math.min(highest, other.highest));
        return v.isEmpty() ? NONE : v;
    }

    /**
     * A Java boolean expression over {@code version} that is true exactly for the versions of this
     * range that fall inside {@code scope} (the versions the code can see).
     */
    String condition(Versions scope) {
        Versions in = intersect(scope);
        if (in.isEmpty()) {
            return "false";
        }
        boolean low = in.lowest > scope.lowest;
        boolean high = in.highest < scope.highest;
        if (low && high) {
            return in.lowest == in.highest ? "version == " + in.lowest
                    : "version >= " + in.lowest + " && version <= " + in.highest;
        }
        if (low) {
            return "version >= " + in.lowest;
        }
        if (high) {
            return "version <= " + in.highest;
        }
        return "true";
    }

    @Override
    public String toString() {
        if (isEmpty()) {
            return "none";
        }
        if (highest == Short.MAX_VALUE) {
            return lowest + "+";
        }
        return lowest == highest ? Short.toString(lowest) : lowest + "-" + highest;
    }
}
