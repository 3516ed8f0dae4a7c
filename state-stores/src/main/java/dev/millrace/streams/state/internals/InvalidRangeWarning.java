package dev.millrace.streams.state.internals;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.millrace.common.utils.Bytes;

/**
 * Detects and reports key ranges whose lower bound sorts after the upper bound; such ranges are answered with an
 * empty result and a warning, as Kafka Streams does (often the bounds are swapped, or the serde does not preserve
 * order: the built-in numeric serdes do not for negative numbers).
 */
final class InvalidRangeWarning {

    private static final Logger LOG = LoggerFactory.getLogger(InvalidRangeWarning.class);

    private InvalidRangeWarning() {
    }

    /**
     * Tells whether a range is inverted, and logs a warning when it is.
     *
     * @param store the store name, for the message
     * @param from the lower bound, or null
     * @param to the upper bound, or null
     * @return true when both bounds are set and {@code from > to}
     */
    static boolean isInverted(String store, Bytes from, Bytes to) {
        if (from != null && to != null && from.compareTo(to) > 0) {
            LOG.warn("Returning empty iterator for a key range with from > to: "
                    + "store={} from={} to={} (swapped bounds, or a serde that does not preserve order)",
                    store, from, to);
            return true;
        }
        return false;
    }
}
