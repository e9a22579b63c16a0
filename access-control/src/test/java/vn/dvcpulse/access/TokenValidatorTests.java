package vn.dvcpulse.access;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/** What a verified signature is not enough for: an issuer, an expiry, and the audience when one is set. */
class TokenValidatorTests {

	static final String ISSUER = "https://issuer.example";

	@Test
	void aTokenWithoutExpiry_isRefused_evenWithAValidIssuer() {
		OAuth2TokenValidator<Jwt> validator = TokenDecoders.validator(new AccessProperties(ISSUER, null, null, null));
		assertThat(validator.validate(token(null, null)).hasErrors()).isTrue();
		assertThat(validator.validate(token(Instant.now().plusSeconds(300), null)).hasErrors()).isFalse();
	}

	@Test
	void withAnAudienceSet_onlyTokensNamingItPass() {
		OAuth2TokenValidator<Jwt> validator = TokenDecoders
			.validator(new AccessProperties(ISSUER, null, null, "dvc-pulse"));
		Instant exp = Instant.now().plusSeconds(300);
		assertThat(validator.validate(token(exp, List.of("dvc-pulse"))).hasErrors()).isFalse();
		assertThat(validator.validate(token(exp, List.of("other", "dvc-pulse"))).hasErrors()).isFalse();
		assertThat(validator.validate(token(exp, List.of("other"))).hasErrors()).isTrue();
		assertThat(validator.validate(token(exp, null)).hasErrors()).isTrue();
	}

	private static Jwt token(Instant expiresAt, List<String> audience) {
		Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").issuer(ISSUER).subject("committee-1")
			.issuedAt(Instant.now().minusSeconds(10))
			.claim("roles", List.of("COMMITTEE"));
		if (expiresAt != null) {
			builder.expiresAt(expiresAt);
		}
		if (audience != null) {
			builder.audience(audience);
		}
		return builder.build();
	}

}
