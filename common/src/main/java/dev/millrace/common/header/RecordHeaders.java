package dev.millrace.common.header;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The list-backed {@link Headers}: headers are kept in insertion order, duplicates allowed.
 *
 * <p>Instances start writable. {@link #setReadOnly()} freezes them for good: from then on
 * {@link #add(Header)}, {@link #add(String, byte[])}, {@link #remove(String)} and
 * {@link Iterator#remove()} on {@link #iterator()} throw {@link IllegalStateException}. The header
 * objects themselves are shared, not copied.
 *
 * <p>Argument rules: a null header is rejected with {@link NullPointerException}; a null key passed
 * to {@link #remove(String)}, {@link #lastHeader(String)} or {@link #headers(String)} is rejected
 * with {@link IllegalArgumentException}.
 *
 * <p>Threading: not thread-safe; confine an instance to one thread or publish it safely after the
 * last mutation. The read-only flag is volatile, so a thread that sees the flag set also sees the
 * headers as they were when it was set.
 */
public class RecordHeaders implements Headers {
    private static final Header[] NO_HEADERS = new Header[0];

    private final List<Header> headers;
    private volatile boolean readOnly;

    /** Creates empty, writable headers. */
    public RecordHeaders() {
        this.headers = new ArrayList<>();
    }

    /**
     * Creates writable headers holding the given ones in array order.
     *
     * @param headers the initial headers, or null for none; no element may be null
     * @throws NullPointerException if an element is null
     */
    public RecordHeaders(Header[] headers) {
        this.headers = new ArrayList<>(headers == null ? 0 : headers.length);
        if (headers != null) {
            for (Header header : headers) {
                this.headers.add(Objects.requireNonNull(header, "reason=nullHeader"));
            }
        }
    }

    /**
     * Creates writable headers holding the given ones in iteration order.
     *
     * @param headers the initial headers, or null for none; no element may be null
     * @throws NullPointerException if an element is null
     */
    public RecordHeaders(Iterable<Header> headers) {
        if (headers instanceof RecordHeaders other) {
            this.headers = new ArrayList<>(other.headers);
            return;
        }
        this.headers = new ArrayList<>();
        if (headers != null) {
            for (Header header : headers) {
                this.headers.add(Objects.requireNonNull(header, "reason=nullHeader"));
            }
        }
    }

    @Override
    public Headers add(Header header) throws IllegalStateException {
        Objects.requireNonNull(header, "reason=nullHeader");
        checkWritable();
        headers.add(header);
        return this;
    }

    @Override
    public Headers add(String key, byte[] value) throws IllegalStateException {
        return add(new RecordHeader(key, value));
    }

    @Override
    public Headers remove(String key) throws IllegalStateException {
        checkWritable();
        checkKey(key);
        headers.removeIf(header -> header.key().equals(key));
        return this;
    }

    @Override
    public Header lastHeader(String key) {
        checkKey(key);
        for (int i = headers.size() - 1; i >= 0; i--) {
            Header header = headers.get(i);
            if (header.key().equals(key)) {
                return header;
            }
        }
        return null;
    }

    @Override
    public Iterable<Header> headers(String key) {
        checkKey(key);
        return () -> new KeyFilter(headers.iterator(), key);
    }

    /**
     * Iterates over all headers in insertion order. {@link Iterator#remove()} is supported while the
     * headers are writable.
     */
    /** @return whether there is no header */
    public boolean isEmpty() {
        return headers.isEmpty();
    }

    @Override
    public Iterator<Header> iterator() {
        Iterator<Header> delegate = headers.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return delegate.hasNext();
            }

            @Override
            public Header next() {
                return delegate.next();
            }

            @Override
            public void remove() {
                checkWritable();
                delegate.remove();
            }
        };
    }

    /** Makes these headers read-only, permanently. */
    public void setReadOnly() {
        readOnly = true;
    }

    /**
     * Tells whether {@link #setReadOnly()} was called.
     *
     * @return true when the headers are read-only
     */
    public boolean isReadOnly() {
        return readOnly;
    }

    @Override
    public Header[] toArray() {
        return headers.isEmpty() ? NO_HEADERS : headers.toArray(NO_HEADERS);
    }

    /** Equal when {@code other} is a {@code RecordHeaders} holding equal headers in the same order. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other != null && getClass() == other.getClass() && headers.equals(((RecordHeaders) other).headers);
    }

    @Override
    public int hashCode() {
        return headers.hashCode();
    }

    @Override
    public String toString() {
        return "RecordHeaders(headers = " + headers + ", isReadOnly = " + readOnly + ")";
    }

    private void checkWritable() {
        if (readOnly) {
            throw new IllegalStateException("reason=headersReadOnly headerCount=" + headers.size());
        }
    }

    private static void checkKey(String key) {
        if (key == null) {
            throw new IllegalArgumentException("reason=nullHeaderKey");
        }
    }

    /** Yields the headers of the underlying iterator whose key equals the given one. */
    private static final class KeyFilter implements Iterator<Header> {
        private final Iterator<Header> delegate;
        private final String key;
        private Header next;

        KeyFilter(Iterator<Header> delegate, String key) {
            this.delegate = delegate;
            this.key = key;
        }

        @Override
        public boolean hasNext() {
            while (next == null && delegate.hasNext()) {
                Header candidate = delegate.next();
                if (candidate.key().equals(key)) {
                    next = candidate;
                }
            }
            return next != null;
        }

        @Override
        public Header next() {
            if (!hasNext()) {
                throw new NoSuchElementException("reason=noMoreHeaders key=" + key);
            }
            Header result = next;
            next = null;
            return result;
        }
    }
}
