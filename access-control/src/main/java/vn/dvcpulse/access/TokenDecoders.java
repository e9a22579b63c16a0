package vn.dvcpulse.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoders;

/**
 * How a token is verified, the same at the gateway and behind it: an RS256 signature by the configured keys, the
 * configured issuer, the lifetime (60 s of clock skew), and a submitter's locality claim. A token that passed is
 * not verified again until it expires ({@link VerifiedTokens}).
 */
public final class TokenDecoders {

	private TokenDecoders() {
	}

	public static JwtDecoder servlet(AccessProperties properties) {
		JwtDecoder decoder;
		if (hasText(properties.jwkSetUri())) {
			decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
		}
		else if (properties.publicKeyLocation() != null) {
			decoder = NimbusJwtDecoder.withPublicKey(publicKey(properties)).build();
		}
		else {
			decoder = JwtDecoders.fromIssuerLocation(properties.issuer());
		}
		if (decoder instanceof NimbusJwtDecoder nimbus) {
			nimbus.setJwtValidator(validator(properties));
		}
		return new VerifiedTokens().servlet(decoder);
	}

	public static ReactiveJwtDecoder reactive(AccessProperties properties) {
		ReactiveJwtDecoder decoder;
		if (hasText(properties.jwkSetUri())) {
			decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
		}
		else if (properties.publicKeyLocation() != null) {
			decoder = NimbusReactiveJwtDecoder.withPublicKey(publicKey(properties)).build();
		}
		else {
			decoder = ReactiveJwtDecoders.fromIssuerLocation(properties.issuer());
		}
		if (decoder instanceof NimbusReactiveJwtDecoder nimbus) {
			nimbus.setJwtValidator(validator(properties));
		}
		return new VerifiedTokens().reactive(decoder);
	}

	/** A token that never expires is refused, and so is one for another audience when an audience is set. */
	static OAuth2TokenValidator<Jwt> validator(AccessProperties properties) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(
				JwtValidators.createDefaultWithIssuer(properties.issuer()),
				new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
				AccessToken.submitterNamesItsLocality(properties.rolesClaim())));
		if (hasText(properties.audience())) {
			validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
					(audiences) -> audiences != null && audiences.contains(properties.audience())));
		}
		return new DelegatingOAuth2TokenValidator<>(validators);
	}

	private static RSAPublicKey publicKey(AccessProperties properties) {
		try (InputStream pem = properties.publicKeyLocation().getInputStream()) {
			return RsaKeyConverters.x509().convert(pem);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the token public key at " + properties.publicKeyLocation(),
					ex);
		}
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
