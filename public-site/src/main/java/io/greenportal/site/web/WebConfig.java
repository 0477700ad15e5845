package io.greenportal.site.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {

    private final CachePolicy cachePolicy;

    public WebConfig(CachePolicy cachePolicy) {
        this.cachePolicy = cachePolicy;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(cachePolicy);
    }

    /**
     * An ETag on every cacheable page (a digest of the rendered bytes) and 304 for a matching
     * If-None-Match: a repeat visit costs the rendering but not the transfer. Answers marked
     * no-store get none.
     */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> etags() {
        ShallowEtagHeaderFilter etags = new ShallowEtagHeaderFilter();
        // weak: the same page gzipped or not is the same page (and Tomcat compresses nothing that has a strong ETag)
        etags.setWriteWeakETag(true);
        FilterRegistrationBean<ShallowEtagHeaderFilter> filter = new FilterRegistrationBean<>(etags);
        filter.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        filter.addUrlPatterns("/*");
        return filter;
    }

    /**
     * Pages are HTML whatever the path ends in: Thymeleaf would otherwise take the failure page of
     * {@code /sitemaps/listings-1800.xml} for XML, from the extension.
     */
    @Bean
    static BeanPostProcessor pagesAreHtml() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof ThymeleafViewResolver resolver) {
                    resolver.setForceContentType(true);
                }
                return bean;
            }
        };
    }
}
