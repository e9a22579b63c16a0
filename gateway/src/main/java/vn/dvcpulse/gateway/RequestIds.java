package vn.dvcpulse.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import vn.dvcpulse.access.RequestId;

/**
 * Every request gets an id ({@link RequestId}): the client's when it is a sensible one, a new one otherwise. It goes
 * downstream in the same header, comes back in the answer, and is logged with the outcome, first of all filters so
 * a refused request has one too.
 */
@Component
class RequestIds implements WebFilter, Ordered {

	static final String HEADER = RequestId.HEADER;

	/** The path the client asked for, kept for answers given after a forward (the fallback of a route). */
	static final String ORIGINAL_PATH = RequestIds.class.getName() + ".path";

	private static final Logger log = LoggerFactory.getLogger("vn.dvcpulse.gateway.access");

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String id = RequestId.of(exchange.getRequest().getHeaders().getFirst(HEADER));
		ServerHttpRequest request = exchange.getRequest().mutate().headers((headers) -> headers.set(HEADER, id)).build();
		// set again as the answer leaves: the service behind returns the id too, and it must appear once
		exchange.getResponse().getHeaders().set(HEADER, id);
		exchange.getResponse().beforeCommit(() -> {
			exchange.getResponse().getHeaders().set(HEADER, id);
			return Mono.empty();
		});
		exchange.getAttributes().put(ORIGINAL_PATH, request.getPath().value());
		long start = System.nanoTime();
		return chain.filter(exchange.mutate().request(request).build())
			.doFinally((signal) -> log.info("{} {} {} {} ms [{}]", request.getMethod(), request.getPath().value(),
					exchange.getResponse().getStatusCode(), (System.nanoTime() - start) / 1_000_000, id));
	}

}
