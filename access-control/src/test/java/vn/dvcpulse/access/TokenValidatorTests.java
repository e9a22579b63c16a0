package vn.dvcpulse.access;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/** What a verified signature is not enough for: an issuer, an expiry, and the audience when one is set. */
class TokenValidatorTests {

	static final String ISSUER = "https://issuer.example";

	@Test
	void aTokenWithoutExpiry_isRefused_evenWithAValidIssuer() {
		OAuth2TokenValidator<Jwt> validator = TokenDecoders.validator(new AccessProperties(ISSUER, null, null, null, null));
		assertThat(validator.validate(token(null, null)).hasErrors()).isTrue();
		assertThat(validator.validate(token(Instant.now().plusSeconds(300), null)).hasErrors()).isFalse();
	}

	@Test
	void withAnAudienceSet_onlyTokensNamingItPass() {
		OAuth2TokenValidator<Jwt> validator = TokenDecoders
			.validator(new AccessProperties(ISSUER, null, null, "dvc-pulse", null));
		Instant exp = Instant.now().plusSeconds(300);
		assertThat(validator.validate(token(exp, List.of("dvc-pulse"))).hasErrors()).isFalse();
		assertThat(validator.validate(token(exp, List.of("other", "dvc-pulse"))).hasErrors()).isFalse();
		assertThat(validator.validate(token(exp, List.of("other"))).hasErrors()).isTrue();
		assertThat(validator.validate(token(exp, null)).hasErrors()).isTrue();
	}

	@Test
	void rolesInANestedClaim_areReadWhereTheConfigurationSays() {
		Jwt keycloak = Jwt.withTokenValue("t").header("alg", "RS256").issuer(ISSUER).subject("hn-one-stop")
			.expiresAt(Instant.now().plusSeconds(300))
			.claim("realm_access", Map.of("roles", List.of("SUBMITTER", "offline_access")))
			.build();
		assertThat(AccessToken.roles(keycloak, "realm_access.roles")).containsExactly(Role.SUBMITTER);
		assertThat(AccessToken.roles(keycloak, "roles")).isEmpty();
		assertThat(AccessToken.authorities("realm_access.roles").convert(keycloak))
			.extracting(Object::toString).containsExactly("ROLE_SUBMITTER");
		// a submitter found there must name its locality too
		AccessProperties nested = new AccessProperties(ISSUER, null, null, null, "realm_access.roles");
		assertThat(TokenDecoders.validator(nested).validate(keycloak).hasErrors()).isTrue();
		assertThat(nested.rolesClaim()).isEqualTo("realm_access.roles");
		assertThat(new AccessProperties(ISSUER, null, null, null, " ").rolesClaim()).isEqualTo("roles");
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
