package vn.dvcpulse.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Tokens that passed every check, kept until they expire. A local system sends the same token with every event for
 * the token's lifetime, and checking its RS256 signature again each time was the largest single cost per event: a
 * third of the tracker's CPU for one event, as much at the gateway. Only what the decoder accepted is kept, and never
 * past the token's expiry, so no token is accepted longer than the decoder itself would accept it. The price: a
 * token signed by a key since withdrawn from the key set stays accepted until it expires.
 */
final class VerifiedTokens {

	/** Far more than the clients a gateway or service serves at once; about 2 KB each. */
	static final long MAXIMUM = 10_000;

	/** How long a token that carries no expiry is trusted before it is checked again. */
	static final Duration WITHOUT_EXPIRY = Duration.ofMinutes(5);

	private final Clock clock;

	private final Cache<String, Jwt> verified;

	VerifiedTokens() {
		this(Clock.systemUTC(), Ticker.systemTicker());
	}

	/** With the clock that tokens' expiry is read against, and the ticker that times the cache's entries. */
	VerifiedTokens(Clock clock, Ticker ticker) {
		this.clock = clock;
		this.verified = Caffeine.newBuilder()
			.maximumSize(MAXIMUM)
			.ticker(ticker)
			.expireAfter(Expiry.creating((String token, Jwt jwt) -> untilExpiry(jwt)))
			.build();
	}

	JwtDecoder servlet(JwtDecoder decoder) {
		return (token) -> {
			Jwt jwt = this.verified.getIfPresent(token);
			if (jwt == null) {
				jwt = decoder.decode(token);
				this.verified.put(token, jwt);
			}
			return jwt;
		};
	}

	ReactiveJwtDecoder reactive(ReactiveJwtDecoder decoder) {
		return (token) -> {
			Jwt jwt = this.verified.getIfPresent(token);
			return (jwt != null) ? Mono.just(jwt)
					: decoder.decode(token).doOnNext((decoded) -> this.verified.put(token, decoded));
		};
	}

	private Duration untilExpiry(Jwt jwt) {
		Instant expiresAt = jwt.getExpiresAt();
		if (expiresAt == null) {
			return WITHOUT_EXPIRY;
		}
		Duration left = Duration.between(this.clock.instant(), expiresAt);
		return left.isNegative() ? Duration.ZERO : left;
	}

}
