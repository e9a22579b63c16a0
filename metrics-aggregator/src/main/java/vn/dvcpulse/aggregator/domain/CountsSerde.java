package vn.dvcpulse.aggregator.domain;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link Counts} as a fixed 142 bytes: a format version, the sixteen counts, and {@code asOf} to the nanosecond. Counts are read and
 * written several times per milestone by the aggregator (its totals, their changelog, the global table), where JSON
 * was the largest part of the work; only the aggregator writes and reads them.
 */
public final class CountsSerde implements Serde<Counts>, Serializer<Counts>, Deserializer<Counts> {

	private static final byte VERSION = 1;

	private static final int COUNTS = 16;

	static final int SIZE = 1 + COUNTS * Long.BYTES + 1 + Long.BYTES + Integer.BYTES;

	@Override
	public byte[] serialize(String topic, Counts counts) {
		if (counts == null) {
			return null;
		}
		ByteBuffer out = ByteBuffer.allocate(SIZE);
		out.put(VERSION);
		out.putLong(counts.received()).putLong(counts.receivedOnline()).putLong(counts.receivedOnlineFull());
		out.putLong(counts.paid()).putLong(counts.paidOnline());
		out.putLong(counts.digitized()).putLong(counts.reusedData());
		out.putLong(counts.completed()).putLong(counts.completedWithDue()).putLong(counts.completedOnTime());
		out.putLong(counts.overdueInProgress()).putLong(counts.electronicResult()).putLong(counts.withdrawn());
		out.putLong(counts.rated()).putLong(counts.satisfactionSum()).putLong(counts.satisfied());
		out.put((byte) ((counts.asOf() != null) ? 1 : 0));
		out.putLong((counts.asOf() != null) ? counts.asOf().getEpochSecond() : 0);
		out.putInt((counts.asOf() != null) ? counts.asOf().getNano() : 0);
		return out.array();
	}

	@Override
	public Counts deserialize(String topic, byte[] data) {
		if (data == null) {
			return null;
		}
		if (data.length != SIZE || data[0] != VERSION) {
			throw new SerializationException("Not counts of format " + VERSION + ": " + data.length + " bytes");
		}
		ByteBuffer in = ByteBuffer.wrap(data, 1, SIZE - 1);
		long[] c = new long[COUNTS];
		for (int i = 0; i < COUNTS; i++) {
			c[i] = in.getLong();
		}
		boolean hasAsOf = in.get() != 0;
		long seconds = in.getLong();
		int nanos = in.getInt();
		return new Counts(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12], c[13], c[14],
				c[15], hasAsOf ? Instant.ofEpochSecond(seconds, nanos) : null);
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		// nothing to configure
	}

	@Override
	public void close() {
		// nothing held
	}

	@Override
	public Serializer<Counts> serializer() {
		return this;
	}

	@Override
	public Deserializer<Counts> deserializer() {
		return this;
	}

}
