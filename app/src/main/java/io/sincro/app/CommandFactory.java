package io.sincro.app;

import java.lang.reflect.Constructor;

import picocli.CommandLine.IFactory;
import picocli.CommandLine;

import io.sincro.app.cli.AppEnvironment;

/** Builds commands, handing the {@link AppEnvironment} to those whose constructor takes it. */
final class CommandFactory implements IFactory {

    private final AppEnvironment environment;
    private final IFactory fallback = CommandLine.defaultFactory();

    CommandFactory(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            Class<?>[] parameters = constructor.getParameterTypes();
            if (parameters.length == 1 && parameters[0] == AppEnvironment.class) {
                constructor.setAccessible(true);
                return type.cast(constructor.newInstance(environment));
            }
        }
        return fallback.create(type);
    }
}
