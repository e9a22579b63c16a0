package vn.dvcpulse.catalog.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import vn.dvcpulse.catalog.store.CatalogStore;

/** Every answer says which catalog version it was given at, so a reader can tell whether it changed since. */
@ControllerAdvice
class CatalogVersionHeader implements ResponseBodyAdvice<Object> {

	static final String HEADER = "Catalog-Version";

	private final CatalogStore catalog;

	CatalogVersionHeader(CatalogStore catalog) {
		this.catalog = catalog;
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
			Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		response.getHeaders().set(HEADER, Long.toString(this.catalog.lookup().catalogVersion()));
		return body;
	}

}
