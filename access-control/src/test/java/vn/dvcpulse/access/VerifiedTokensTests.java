package vn.dvcpulse.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedTokensTests {

	private final AtomicInteger verifications = new AtomicInteger();

	@Test
	void aTokenThatPassed_isNotVerifiedAgain_whileItLives() {
		JwtDecoder decoder = new VerifiedTokens().servlet(verifying(Instant.now().plusSeconds(300)));

		Jwt first = decoder.decode("t1");
		Jwt second = decoder.decode("t1");
		decoder.decode("t2");

		assertThat(second).isSameAs(first);
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void aRefusedToken_isRefusedEveryTime_andNeverKept() {
		JwtDecoder decoder = new VerifiedTokens().servlet((token) -> {
			this.verifications.incrementAndGet();
			throw new BadJwtException("bad signature");
		});

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode("forged"));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode("forged"));
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void aKeptToken_isVerifiedAgain_onceItHasExpired() {
		Instant start = Instant.parse("2026-11-23T10:00:00Z");
		AtomicLong elapsedNanos = new AtomicLong();
		Clock clock = new Clock() {

			@Override
			public Instant instant() {
				return start.plusNanos(elapsedNanos.get());
			}

			@Override
			public ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}

		};
		JwtDecoder decoder = new VerifiedTokens(clock, elapsedNanos::get)
			.servlet(verifying(start.plusSeconds(300)));
		decoder.decode("short-lived");

		elapsedNanos.set(Duration.ofSeconds(299).toNanos());
		decoder.decode("short-lived");
		assertThat(this.verifications).as("still alive: kept").hasValue(1);

		elapsedNanos.set(Duration.ofSeconds(300).toNanos());
		decoder.decode("short-lived");
		assertThat(this.verifications).as("expired: verified again").hasValue(2);
	}

	@Test
	void theGatewaysDecoder_keepsWhatPassedToo() {
		ReactiveJwtDecoder verifying = (token) -> Mono
			.fromSupplier(() -> verifying(Instant.now().plusSeconds(300)).decode(token));
		ReactiveJwtDecoder decoder = new VerifiedTokens().reactive(verifying);

		decoder.decode("t1").block();
		decoder.decode("t1").block();

		assertThat(this.verifications).hasValue(1);
	}

	private JwtDecoder verifying(Instant expiresAt) {
		return (token) -> {
			this.verifications.incrementAndGet();
			return Jwt.withTokenValue(token).header("alg", "RS256").subject("s").expiresAt(expiresAt).build();
		};
	}

}
