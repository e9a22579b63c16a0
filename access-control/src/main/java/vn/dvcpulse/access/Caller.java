package vn.dvcpulse.access;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, as the verified token says: for the rules that depend on the data, not only on the endpoint.
 *
 * @param subject  the token's subject
 * @param roles    its roles
 * @param locality the locality a submitter acts for, or {@code null}
 */
public record Caller(String subject, Set<Role> roles, String locality) {

	/** The caller of the request being served (servlet services: the security context of this thread). */
	public static Caller current() {
		return of(SecurityContextHolder.getContext().getAuthentication());
	}

	public static Caller of(Authentication authentication) {
		if (authentication instanceof JwtAuthenticationToken token) {
			return new Caller(token.getToken().getSubject(), AccessToken.roles(token.getAuthorities()),
					AccessToken.locality(token.getToken()));
		}
		throw new IllegalStateException("No verified token for this request");
	}

	public boolean is(Role role) {
		return this.roles.contains(role);
	}

}
