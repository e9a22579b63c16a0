package vn.dvcpulse.gateway;

import java.net.InetSocketAddress;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Before any token is read (the cost a forged token would make the door pay): every request takes one token from
 * its client address's bucket, and one more from the address's bucket of requests without a token. A guard of this
 * instance, so its buckets are in its memory: no request waits on Redis for it.
 */
@Component
class AddressLimits implements WebFilter, Ordered {

	private final RateLimits.Limits limits;

	private final BucketStore buckets = new BucketStore.InMemory();

	AddressLimits(RateLimits.Limits limits) {
		this.limits = limits;
	}

	@Override
	public int getOrder() {
		return -200; // before Spring Security's filter chain (-100), after PlainRequests
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		if (path.equals("/livez") || path.equals("/readyz")) {
			return chain.filter(exchange); // the probes of the platform, answered from memory
		}
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		String address = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress()
				: "unknown";
		Mono<Long> wait = this.buckets.take("address:" + address, this.limits.perAddress());
		if (!exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
			wait = wait.flatMap((nanos) -> (nanos > 0) ? Mono.just(nanos)
					: this.buckets.take("anonymous:" + address, this.limits.perAddressWithoutToken()));
		}
		return wait.flatMap((nanos) -> (nanos > 0) ? RateLimits.tooMany(exchange, nanos) : chain.filter(exchange));
	}

}
