package vn.dvcpulse.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Where tokens come from. The issuer is required: every token's {@code iss} must equal it. The keys come from the
 * first of: a JWK set URI (any OIDC provider's {@code jwks_uri}), a PEM public key (the local stack's generated
 * pair), or else the issuer's own discovery document.
 *
 * @param issuer            the exact {@code iss} of valid tokens
 * @param jwkSetUri         the provider's JWK set
 * @param publicKeyLocation an RSA public key in PEM (X.509 SubjectPublicKeyInfo)
 * @param audience          when set, the {@code aud} every valid token must name
 * @param rolesClaim        where the roles are ({@value AccessToken#ROLES_CLAIM} when not set; dotted for a nested
 *                          claim, e.g. {@code realm_access.roles})
 */
@ConfigurationProperties("dvc.access")
public record AccessProperties(String issuer, String jwkSetUri, Resource publicKeyLocation, String audience,
		String rolesClaim) {

	public AccessProperties {
		rolesClaim = (rolesClaim == null || rolesClaim.isBlank()) ? AccessToken.ROLES_CLAIM : rolesClaim;
		if (issuer == null || issuer.isBlank()) {
			throw new IllegalStateException("dvc.access.issuer is required: the iss of the tokens to accept "
					+ "(DVC_ACCESS_ISSUER), with dvc.access.jwk-set-uri or dvc.access.public-key-location for the keys");
		}
	}

}
