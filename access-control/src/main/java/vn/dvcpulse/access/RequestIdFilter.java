package vn.dvcpulse.access;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A service takes the request id the gateway passed on ({@value RequestId#HEADER}), or makes one when called directly, puts
 * it in the log context ({@code %X{requestId}}) for everything logged while serving the request, and returns it.
 */
public class RequestIdFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = RequestId.of(request.getHeader(RequestId.HEADER));
		response.setHeader(RequestId.HEADER, id);
		MDC.put(RequestId.LOG_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(RequestId.LOG_KEY);
		}
	}

}
