package vn.dvcpulse.tracker.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import vn.dvcpulse.contract.problem.BodyTooLargeException;
import vn.dvcpulse.contract.problem.RequestProblems;

/**
 * Refuses an oversized body with {@code 413} before anything of it is produced: at once when its declared length
 * is too large, or as soon as reading passes the limit when it comes without one. An event is small, a batch is
 * bounded; an import is a stream and has no limit.
 */
@Component
class BodyLimits extends OncePerRequestFilter {

	static final Map<String, Long> LIMITS = Map.of("/api/v1/events", 64L * 1024, "/api/v1/events:batch",
			5L * 1024 * 1024);

	private final JsonMapper json;

	BodyLimits(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Long limit = LIMITS.get(request.getRequestURI());
		if (limit == null) {
			chain.doFilter(request, response);
			return;
		}
		long length = request.getContentLengthLong();
		if (length > limit) {
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			this.json.writeValue(response.getOutputStream(), RequestProblems.bodyTooLarge(limit,
					"The body has " + length + " bytes; at most " + limit + " are taken here"));
			return;
		}
		chain.doFilter(new Limited(request, limit), response);
	}

	/** Counts what is read, whatever the declared length says. */
	private static final class Limited extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		Limited(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				ServletInputStream in = super.getInputStream();
				this.stream = new ServletInputStream() {

					private long read;

					@Override
					public int read() throws IOException {
						int b = in.read();
						if (b >= 0) {
							count(1);
						}
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = in.read(buffer, offset, length);
						if (n > 0) {
							count(n);
						}
						return n;
					}

					private void count(int n) throws BodyTooLargeException {
						this.read += n;
						if (this.read > Limited.this.limit) {
							throw new BodyTooLargeException(Limited.this.limit);
						}
					}

					@Override
					public boolean isFinished() {
						return in.isFinished();
					}

					@Override
					public boolean isReady() {
						return in.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						in.setReadListener(listener);
					}

				};
			}
			return this.stream;
		}

	}

}
