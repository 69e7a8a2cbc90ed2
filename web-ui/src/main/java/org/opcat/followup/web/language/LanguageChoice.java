package org.opcat.followup.web.language;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * English or Chinese: the browser's Accept-Language chooses first; {@code ?lang=zh|en} on any page
 * switches and a cookie keeps the choice. Any other value, in the address or in an old cookie, is
 * ignored: a page never looks for messages of a language we do not have.
 */
@Configuration(proxyBeanMethods = false)
class LanguageChoice implements WebMvcConfigurer {

    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.CHINESE);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("followup-lang") {
            @Override
            protected Locale parseLocaleValue(String value) {
                return supported(value);
            }
        };
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(LanguageChoice::fromBrowser);
        return resolver;
    }

    /** The first of the browser's languages that we have; English otherwise. */
    static Locale fromBrowser(HttpServletRequest request) {
        for (java.util.Enumeration<Locale> wanted = request.getLocales(); wanted.hasMoreElements(); ) {
            Locale locale = wanted.nextElement();
            for (Locale ours : LANGUAGES) {
                if (ours.getLanguage().equals(locale.getLanguage())) {
                    return ours;
                }
            }
        }
        return Locale.ENGLISH;
    }

    /** One of our languages for a tag such as {@code zh}, {@code zh-CN} or {@code en}; null for any other. */
    static Locale supported(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return null;
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return LANGUAGES.stream().filter(ours -> ours.getLanguage().equals(language)).findFirst().orElse(null);
    }

    /**
     * Applied ahead of Spring Security, so that {@code /?lang=zh} reaches the sign-in page a visitor
     * is sent to. Only addresses that are fetched (GET, HEAD) switch: reading a form's parameters
     * here would read its body before the form's own limits apply.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> languageSwitch(LocaleResolver resolver) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
                    Locale wanted = supported(request.getParameter("lang"));
                    if (wanted != null) {
                        resolver.setLocale(request, response, wanted);
                    }
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SwitchLinks());
    }

    /**
     * The switch's links: this page in the other language. A page rendered after a POST (a form
     * with errors) names its own address as {@code pagePath}, since the POST address cannot be fetched.
     */
    static class SwitchLinks implements HandlerInterceptor {

        @Override
        public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                ModelAndView page) {
            if (page == null || page.getViewName() == null || page.getViewName().startsWith("redirect:")) {
                return;
            }
            Object pagePath = page.getModel().get("pagePath");
            UriComponentsBuilder here = pagePath != null
                    ? ServletUriComponentsBuilder.fromContextPath(request).path(pagePath.toString())
                    : ServletUriComponentsBuilder.fromRequest(request);
            page.addObject("languageLinks", Map.of(
                    "en", here.cloneBuilder().replaceQueryParam("lang", "en").build().toUriString(),
                    "zh", here.cloneBuilder().replaceQueryParam("lang", "zh").build().toUriString()));
        }
    }
}
