package dev.confab.persona;

import dev.confab.common.Deleted;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The persona capability as function beans; routes for them are in functions.yml. */
@Configuration(proxyBeanMethods = false)
class PersonaFunctions {

    @Bean
    Function<PersonaDraft, Persona> createPersona(PersonaService personas) {
        return personas::create;
    }

    @Bean
    Function<PersonaRef, Persona> getPersona(PersonaService personas) {
        return ref -> personas.get(ref.id());
    }

    @Bean
    Function<PersonaQuery, PersonaPage> listPersonas(PersonaService personas) {
        return personas::list;
    }

    @Bean
    Function<PersonaDraft, Persona> updatePersona(PersonaService personas) {
        return personas::update;
    }

    @Bean
    Function<PersonaRef, Deleted> deletePersona(PersonaService personas) {
        return ref -> personas.delete(ref.id());
    }
}
