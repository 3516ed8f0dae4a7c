package dev.millrace.common.serialization;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.UUID;

/**
 * List classes with a fixed element type, so that the list serdes (ours and Kafka's, whose
 * signatures take {@code Class<L extends List<Inner>>}) can be built without unchecked conversions.
 * Public with public constructors because the deserializers instantiate them reflectively.
 */
final class TypedLists {
    private TypedLists() {
    }

    /** Integers, with a capacity constructor. */
    public static final class IntegerList extends ArrayList<Integer> {
        private static final long serialVersionUID = 1L;

        /** Creates an empty list. */
        public IntegerList() {
        }

        /** Creates an empty list with room for {@code capacity} entries. */
        public IntegerList(int capacity) {
            super(capacity);
        }
    }

    /** Strings; only a no-argument constructor, so that path is exercised too. */
    public static final class StringList extends LinkedList<String> {
        private static final long serialVersionUID = 1L;

        /** Creates an empty list. */
        public StringList() {
        }
    }

    /** UUIDs. */
    public static final class UuidList extends ArrayList<UUID> {
        private static final long serialVersionUID = 1L;

        /** Creates an empty list. */
        public UuidList() {
        }
    }

    /** Longs. */
    public static final class LongList extends ArrayList<Long> {
        private static final long serialVersionUID = 1L;

        /** Creates an empty list. */
        public LongList() {
        }
    }

    /** Shorts. */
    public static final class ShortList extends ArrayList<Short> {
        private static final long serialVersionUID = 1L;

        /** Creates an empty list. */
        public ShortList() {
        }
    }

    /** Floats. */
    public static final class FloatList extends ArrayList<Float> {
        private static final long serialVersionUID = 1L;

        /** Creates an empty list. */
        public FloatList() {
        }
    }

    /** Doubles. */
    public static final class DoubleList extends ArrayList<Double> {
        private static final long serialVersionUID = 1L;

        /** Creates an empty list. */
        public DoubleList() {
        }
    }

    /** Booleans (a fixed-size type that Kafka nevertheless writes in the variable layout). */
    public static final class BooleanList extends ArrayList<Boolean> {
        private static final long serialVersionUID = 1L;

        /** Creates an empty list. */
        public BooleanList() {
        }
    }

    /** A list class without a public constructor, which the list deserializer must refuse. */
    public static final class HiddenConstructorList extends AbstractList<Integer> {
        private HiddenConstructorList() {
        }

        @Override
        public Integer get(int index) {
            throw new IndexOutOfBoundsException(index);
        }

        @Override
        public int size() {
            return 0;
        }
    }
}
