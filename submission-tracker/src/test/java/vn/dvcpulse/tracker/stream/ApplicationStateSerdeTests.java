package vn.dvcpulse.tracker.stream;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import vn.dvcpulse.contract.JsonSerdes;
import vn.dvcpulse.contract.event.ApplicationEvent;
import vn.dvcpulse.tracker.domain.ApplicationEvents;
import vn.dvcpulse.tracker.domain.ApplicationLife;
import vn.dvcpulse.tracker.domain.ApplicationState;

import static org.assertj.core.api.Assertions.assertThat;

/** An application's state as its store keeps it: Smile. */
class ApplicationStateSerdeTests {

	private final ApplicationStateSerde serde = new ApplicationStateSerde();

	@Test
	void state_isKeptAsSmile_andReadBackWhole() {
		ApplicationState state = wholeLifeWithARejection();

		byte[] kept = this.serde.serializer().serialize("t", state);

		assertThat(new String(kept, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo(":)\n");
		assertThat(kept.length).isLessThan(JsonSerdes.of(ApplicationState.class).serializer().serialize("t", state).length);
		assertSameState(this.serde.deserializer().deserialize("t", kept), state);
	}

	@Test
	void noState_isNull() {
		assertThat(this.serde.serializer().serialize("t", null)).isNull();
		assertThat(this.serde.deserializer().deserialize("t", null)).isNull();
	}

	/** Every kind of event, a rejected one with its reason, and the milestones standing. */
	private static ApplicationState wholeLifeWithARejection() {
		ApplicationState state = ApplicationState.NEW;
		Instant at = Instant.parse("2025-08-10T00:00:00Z");
		for (ApplicationEvent event : ApplicationEvents.wholeLife()) {
			state = ApplicationLife.apply(state, event, at).state();
		}
		state = ApplicationLife.apply(state, ApplicationEvents.rated("r2", 1), at).state();
		assertThat(state.events()).hasSize(6).anySatisfy((recorded) -> assertThat(recorded.reason()).isNotNull());
		assertThat(state.standing()).isNotEmpty();
		return state;
	}

	// date-times come back in UTC, as Jackson adjusts them to its context's zone: the same instants
	private static void assertSameState(ApplicationState read, ApplicationState expected) {
		assertThat(read).usingRecursiveComparison()
			.withEqualsForType(OffsetDateTime::isEqual, OffsetDateTime.class)
			.isEqualTo(expected);
	}

}
