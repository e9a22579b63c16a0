package vn.dvcpulse.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import vn.dvcpulse.access.AccessProblems;
import vn.dvcpulse.access.AccessToken;
import vn.dvcpulse.access.Role;
import vn.dvcpulse.contract.problem.ProblemType;

/**
 * The door's limits, each a caller's own, so that no one caller can starve the others:
 * <ul>
 * <li>per client address, before any token is read: {@link AddressLimits};
 * <li>per client (the token's subject; a client with several roles gets the most generous) and per role (all its
 * clients together): token buckets (Bucket4j), answered {@code 429} with {@code Retry-After} when any is empty;
 * <li>per client, the requests it has in flight at once, imports apart (resilience4j bulkheads): a client at its
 * bound is answered {@code 429} at once, instead of holding the door's connections for everyone.
 * </ul>
 * The buckets are in this gateway's memory, or in Redis when {@code dvc.gateway.rate-limits.redis-uri} is set, so
 * that several instances share them.
 */
@Component
class RateLimits implements WebFilter, Ordered, DisposableBean {

	private final Limits limits;

	private final BucketStore buckets;

	/** The bulkheads of the clients seen in the last ten minutes, one per class of route. */
	private final Cache<String, Bulkhead> bulkheads = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofMinutes(10))
		.build();

	static final String IMPORT_PATH = "/api/v1/events:import";

	RateLimits(Limits limits, MeterRegistry meters) {
		this.limits = limits;
		this.buckets = (limits.redisUri() != null && !limits.redisUri().isBlank())
				? new BucketStore.InRedis(limits.redisUri(), meters) : new BucketStore.InMemory();
	}

	@Override
	public void destroy() {
		this.buckets.close();
	}

	@Override
	public int getOrder() {
		return 0; // after Spring Security's filter chain (-100)
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.filter(JwtAuthenticationToken.class::isInstance)
			.cast(JwtAuthenticationToken.class)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((token) -> token.isEmpty() ? chain.filter(exchange)
					: waitFor(token.get().getToken().getSubject(), AccessToken.roles(token.get().getAuthorities()))
						.flatMap((nanos) -> (nanos > 0) ? tooMany(exchange, nanos)
								: within(token.get().getToken().getSubject(), exchange, chain)));
	}

	/**
	 * The request within its client's bulkhead for its class of route: a client with that many requests in flight
	 * is refused at once ({@code 429}), so that one locality's imports or heavy queries never take the door's
	 * connections, threads or breakers from the others.
	 */
	private Mono<Void> within(String subject, ServerWebExchange exchange, WebFilterChain chain) {
		boolean importing = exchange.getRequest().getPath().value().equals(IMPORT_PATH);
		Bulkhead bulkhead = this.bulkheads.get((importing ? "import:" : "request:") + subject,
				(name) -> Bulkhead.of(name, BulkheadConfig.custom()
					.maxConcurrentCalls(importing ? this.limits.importsAtOnce() : this.limits.requestsAtOnce())
					.maxWaitDuration(Duration.ZERO)
					.build()));
		return chain.filter(exchange)
			.transformDeferred(BulkheadOperator.of(bulkhead))
			.onErrorResume(BulkheadFullException.class, (ex) -> tooManyAtOnce(exchange, bulkhead));
	}

	/**
	 * How long the caller must wait, in nanoseconds, or 0 when a token was taken from its client's bucket and then
	 * from each of its roles' (none is taken from a role's once one bucket refused).
	 */
	private Mono<Long> waitFor(String subject, Set<Role> callerRoles) {
		if (callerRoles.isEmpty()) {
			return Mono.just(0L); // refused by the access rules anyway
		}
		long perSecond = callerRoles.stream()
			.mapToLong((role) -> this.limits.perClient().getOrDefault(role, 1L))
			.max()
			.orElse(1);
		Mono<Long> wait = this.buckets.take("client:" + subject, perSecond);
		for (Role role : callerRoles) {
			Long shared = this.limits.perRole().get(role);
			if (shared != null) {
				wait = wait.flatMap((nanos) -> (nanos > 0) ? Mono.just(nanos)
						: this.buckets.take("role:" + role, shared));
			}
		}
		return wait;
	}

	private static Mono<Void> tooManyAtOnce(ServerWebExchange exchange, Bulkhead bulkhead) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
		response.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = AccessProblems.body(ProblemType.RATE_LIMITED, 429, "This client has "
				+ bulkhead.getBulkheadConfig().getMaxConcurrentCalls() + " such requests in flight already, the most "
				+ "it may; send this one when one of them is answered", exchange.getRequest().getPath().value());
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	static Mono<Void> tooMany(ServerWebExchange exchange, long nanos) {
		ServerHttpResponse response = exchange.getResponse();
		long seconds = Math.max(1, (nanos + 999_999_999) / 1_000_000_000);
		response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
		response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = AccessProblems.body(ProblemType.RATE_LIMITED, 429, "This client, its address or its role sent "
				+ "more requests than its limit allows; retry after " + seconds + " s",
				exchange.getRequest().getPath().value());
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	/**
	 * @param perClient               requests per second for one client, by role
	 * @param perRole                 requests per second for all clients of a role together
	 * @param perAddress              requests per second from one client address, with a token or without
	 * @param perAddressWithoutToken  requests per second without a token from one client address
	 * @param requestsAtOnce          requests one client may have in flight at once, imports aside
	 * @param importsAtOnce           imports one client may have in flight at once
	 * @param redisUri                where the buckets are shared ({@code redis://host:6379}); in memory when not set
	 */
	@ConfigurationProperties("dvc.gateway.rate-limits")
	record Limits(Map<Role, Long> perClient, Map<Role, Long> perRole, long perAddress, long perAddressWithoutToken,
			int requestsAtOnce, int importsAtOnce, String redisUri) {

		Limits {
			requestsAtOnce = (requestsAtOnce > 0) ? requestsAtOnce : 64;
			importsAtOnce = (importsAtOnce > 0) ? importsAtOnce : 2;
			perClient = (perClient != null) ? perClient : Map.of();
			perRole = (perRole != null) ? perRole : Map.of();
			perAddress = (perAddress > 0) ? perAddress : 1_000;
			perAddressWithoutToken = (perAddressWithoutToken > 0) ? perAddressWithoutToken : 20;
		}

	}

}
