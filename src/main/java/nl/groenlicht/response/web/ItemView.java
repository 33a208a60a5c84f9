package nl.groenlicht.response.web;

import java.util.List;

/** A question as a form shows it: texts in the page language, what is chosen or typed, and any error. */
public record ItemView(String id, String type, String text, String help, String conditionHint, boolean required,
                       List<OptionView> options, String value, String error) {

    public record OptionView(String value, String label, boolean selected) {
    }
}
