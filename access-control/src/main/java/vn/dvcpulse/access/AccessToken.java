package vn.dvcpulse.access;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What DVC Pulse reads from a bearer token besides its signature, issuer and lifetime: the roles, by default in
 * {@value #ROLES_CLAIM} (a list, or a space-separated string; {@code dvc.access.roles-claim} names another, a dotted
 * path such as {@code realm_access.roles} for providers that nest it), and for a submitter the one locality it posts
 * for, in {@value #LOCALITY_CLAIM}. Any OIDC provider can be configured to add both claims. The roles are read once,
 * into the request's authorities; everything after reads them there ({@link #roles(Collection)}).
 */
public final class AccessToken {

	public static final String ROLES_CLAIM = "roles";

	public static final String LOCALITY_CLAIM = "locality";

	private static final Pattern LOCALITY_CODE = Pattern.compile("\\d{2}");

	private AccessToken() {
	}

	/** The roles the token names at {@code claimPath} (dotted); names that are not DVC Pulse roles are ignored. */
	public static Set<Role> roles(Jwt jwt, String claimPath) {
		Object claim = jwt.getClaims();
		for (String step : claimPath.split("\\.")) {
			claim = (claim instanceof Map<?, ?> object) ? object.get(step) : null;
		}
		Collection<?> names = (claim instanceof Collection<?> list) ? list
				: (claim instanceof String text) ? List.of(text.split("\\s+")) : List.of();
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (Object name : names) {
			for (Role role : Role.values()) {
				if (role.name().equals(String.valueOf(name))) {
					roles.add(role);
				}
			}
		}
		return roles;
	}

	/** The roles among a verified request's authorities. */
	public static Set<Role> roles(Collection<? extends GrantedAuthority> authorities) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (GrantedAuthority authority : authorities) {
			for (Role role : Role.values()) {
				if (role.authority().equals(authority.getAuthority())) {
					roles.add(role);
				}
			}
		}
		return roles;
	}

	/** The locality a submitter's token names, or {@code null}. */
	public static String locality(Jwt jwt) {
		return jwt.getClaimAsString(LOCALITY_CLAIM);
	}

	/** The token's roles, read at {@code claimPath}, as Spring Security authorities. */
	public static Converter<Jwt, Collection<GrantedAuthority>> authorities(String claimPath) {
		return (jwt) -> roles(jwt, claimPath).stream()
			.map((role) -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
			.toList();
	}

	/** A submitter's token must name its locality: without one, it is not a valid token here. */
	public static OAuth2TokenValidator<Jwt> submitterNamesItsLocality(String claimPath) {
		return (jwt) -> {
			if (!roles(jwt, claimPath).contains(Role.SUBMITTER)) {
				return OAuth2TokenValidatorResult.success();
			}
			String locality = locality(jwt);
			if (locality != null && LOCALITY_CODE.matcher(locality).matches()) {
				return OAuth2TokenValidatorResult.success();
			}
			return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
					"A submitter's token must name its locality", null));
		};
	}

}
