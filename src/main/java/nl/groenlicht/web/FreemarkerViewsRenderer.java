package nl.groenlicht.web;

import freemarker.cache.StrongCacheStorage;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.views.ViewsRenderer;
import jakarta.inject.Singleton;
import nl.groenlicht.scan.Language;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders {@code templates/<view>.ftlh} with FreeMarker (micronaut-views-freemarker has no Micronaut 4 release we can
 * use). The .ftlh extension turns HTML auto-escaping on. Every page also gets {@code lang}, {@code t(key, args…)} for
 * texts from the message bundles, {@code csrf} for forms, {@code path} for the language switch and
 * {@code asset(name)} for the URL of a static file ({@link StaticAssets}).
 */
@Singleton
@Produces(MediaType.TEXT_HTML)
public class FreemarkerViewsRenderer<T> implements ViewsRenderer<T, HttpRequest<?>> {

    private final Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
    private final Messages messages;

    public FreemarkerViewsRenderer(Messages messages, StaticAssets assets,
                                   @Value("${groenlicht.templates-dir:}") String templatesDir) {
        this.messages = messages;
        try {
            if (templatesDir.isBlank()) {
                configuration.setClassForTemplateLoading(FreemarkerViewsRenderer.class, "/templates");
                // Templates in the jar never change: parse each once and keep it. The default soft cache lost them
                // to the collector under load, and parsing showed up in the profile of every page.
                configuration.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
                configuration.setCacheStorage(new StrongCacheStorage());
            } else {
                // Live editing during development: templates read from disk on each change.
                configuration.setDirectoryForTemplateLoading(new File(templatesDir));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("templates folder " + templatesDir + " cannot be read", e);
        }
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        // View models are records: let templates write item.id for item.id().
        wrapper.setRecordZeroArgumentNonVoidMethodPolicy(ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        configuration.setObjectWrapper(wrapper.build());
        configuration.setDefaultEncoding("UTF-8");
        // ?url (the dashboard's page links) needs to know the charset; without it the template fails.
        configuration.setURLEscapingCharset("UTF-8");
        // Numbers are mostly ids in links: "1.234" (Dutch grouping) would break /scans/1234/result.
        configuration.setNumberFormat("computer");
        configuration.setOutputFormat(HTMLOutputFormat.INSTANCE);
        configuration.setRecognizeStandardFileExtensions(true);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setSharedVariable("asset", (TemplateMethodModelEx) args -> assets.url(
                String.valueOf(DeepUnwrap.unwrap((TemplateModel) args.get(0)))));
    }

    @Override
    public Writable render(String viewName, T data, HttpRequest<?> request) {
        String html = renderToString(viewName, data, request);
        return writer -> writer.write(html);
    }

    /**
     * Renders before the response starts, so that a template failure becomes an error page, not a cut-off body.
     */
    public String renderToString(String viewName, T data, HttpRequest<?> request) {
        Language language = request == null ? Language.DEFAULT : LanguageFilter.of(request);
        Map<String, Object> model = new HashMap<>();
        if (data instanceof Map<?, ?> map) {
            map.forEach((k, v) -> model.put(String.valueOf(k), v));
        }
        model.put("lang", language.code());
        model.put("t", (TemplateMethodModelEx) args -> translate(language, args));
        if (request != null) {
            model.put("path", request.getPath());
            // A logged-in coach gets a way back to their workspace from the scan pages.
            model.put("staff", request.getUserPrincipal().isPresent());
            model.put("csrf", (TemplateMethodModelEx) args -> Csrf.token(request));
        }
        // Not a StringWriter: its StringBuffer locks on every append, 6 % of a page's CPU time in the profile.
        StringBuilder html = new StringBuilder(16 * 1024);
        Writer out = new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                html.append(chars, offset, length);
            }

            @Override
            public void write(String text, int offset, int length) {
                html.append(text, offset, offset + length);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        try {
            configuration.getTemplate(viewName + ".ftlh").process(model, out);
        } catch (TemplateException | IOException e) {
            throw new IllegalStateException("template " + viewName + " failed", e);
        }
        return html.toString();
    }

    private String translate(Language language, List<?> args) throws TemplateModelException {
        if (args.isEmpty()) {
            throw new TemplateModelException("t() needs a message key");
        }
        Object[] rest = new Object[args.size() - 1];
        for (int i = 1; i < args.size(); i++) {
            rest[i - 1] = DeepUnwrap.unwrap((TemplateModel) args.get(i));
        }
        return messages.get(language, String.valueOf(DeepUnwrap.unwrap((TemplateModel) args.get(0))),
                rest);
    }

    @Override
    public boolean exists(String viewName) {
        try {
            configuration.getTemplate(viewName + ".ftlh");
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
