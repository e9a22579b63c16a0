package vn.dvcpulse.testsupport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

import vn.dvcpulse.contract.streams.DeadLetters;
import vn.dvcpulse.contract.streams.StreamProcessorConfiguration;

/**
 * The dead letters of a {@code TopologyTestDriver}'s topology, written to a mock producer that keeps them: the
 * handlers and the recoverer are the application's own.
 */
public final class TestDeadLetters {

	/** The template closes its producer after each send: a new one each time, all kept. */
	private final List<MockProducer<byte[], byte[]>> producers = new CopyOnWriteArrayList<>();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final DeadLetters deadLetters = new DeadLetters(
			new KafkaTemplate<>(new MockProducerFactory<>(this::producer)), this.meters);

	private MockProducer<byte[], byte[]> producer() {
		MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
				new ByteArraySerializer());
		this.producers.add(producer);
		return producer;
	}

	/** The streams configuration that sends this topology's failures here. */
	public Map<String, Object> handlers() {
		return StreamProcessorConfiguration.handlers(this.deadLetters);
	}

	/** The dead letters written so far, in order. */
	public List<ProducerRecord<byte[], byte[]>> written() {
		return this.producers.stream().flatMap((producer) -> producer.history().stream()).toList();
	}

	/** A header of a dead letter, as text. */
	public static String header(ProducerRecord<byte[], byte[]> letter, String name) {
		Header header = letter.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	/** The offset a dead letter was read at, from its header (a long, as Spring Kafka writes it). */
	public static long offset(ProducerRecord<byte[], byte[]> letter) {
		return ByteBuffer.wrap(letter.headers().lastHeader("kafka_dlt-original-offset").value()).getLong();
	}

	/** How many dead letters the metric counted at {@code stage} ({@code deserialization}, ...). */
	public double counted(String stage) {
		return this.meters.get("dvc.streams.dead.letters").tag("stage", stage).counter().count();
	}

}
