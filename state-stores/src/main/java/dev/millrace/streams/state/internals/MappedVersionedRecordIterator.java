package dev.millrace.streams.state.internals;

import dev.millrace.streams.state.VersionedRecord;
import dev.millrace.streams.state.VersionedRecordIterator;

import java.util.function.Function;

/**
 * A {@link VersionedRecordIterator} that maps each version of another one as it is read, keeping its timestamp
 * and end of validity; closing it closes the inner iterator. Same thread confinement as the inner iterator.
 *
 * @param <V1> the inner value type
 * @param <V2> the mapped value type
 */
final class MappedVersionedRecordIterator<V1, V2> implements VersionedRecordIterator<V2> {

    private final VersionedRecordIterator<V1> inner;
    private final Function<V1, V2> valueMapper;

    MappedVersionedRecordIterator(VersionedRecordIterator<V1> inner, Function<V1, V2> valueMapper) {
        this.inner = inner;
        this.valueMapper = valueMapper;
    }

    /**
     * Maps the value of one version, keeping its timestamp and end of validity.
     *
     * @param version the version
     * @param valueMapper maps the value, to a non-null value
     * @param <V1> the inner value type
     * @param <V2> the mapped value type
     * @return the mapped version
     */
    static <V1, V2> VersionedRecord<V2> map(VersionedRecord<V1> version, Function<V1, V2> valueMapper) {
        V2 value = valueMapper.apply(version.value());
        return version.validTo().isPresent()
                ? new VersionedRecord<>(value, version.timestamp(), version.validTo().get())
                : new VersionedRecord<>(value, version.timestamp());
    }

    @Override
    public boolean hasNext() {
        return inner.hasNext();
    }

    @Override
    public VersionedRecord<V2> next() {
        return map(inner.next(), valueMapper);
    }

    @Override
    public void close() {
        inner.close();
    }
}
