package org.opcat.followup.web.language;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * English or Chinese: the browser's Accept-Language chooses first; {@code ?lang=zh|en} on any page
 * switches and a cookie keeps the choice.
 */
@Configuration(proxyBeanMethods = false)
class LanguageChoice implements WebMvcConfigurer {

    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.CHINESE);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("followup-lang");
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

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
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
