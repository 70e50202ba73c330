// Stylelint for static/css: the standard config, tuned to the house style.
export default {
  extends: ["stylelint-config-standard"],
  rules: {
    // BEM-style names: block, block__element, block--modifier.
    "selector-class-pattern": [
      "^[a-z][a-z0-9]*(-[a-z0-9]+)*(__[a-z0-9]+(-[a-z0-9]+)*)?(--[a-z0-9]+(-[a-z0-9]+)*)?$",
      { message: "Use BEM-style class names (block__element--modifier)" },
    ],
    // The type scale's steps below zero read as --step--1, --step--2.
    "custom-property-pattern": "^[a-z][a-z0-9]*(-{1,2}[a-z0-9]+)*$",
    // min-width/max-width media queries: the range syntax needs Safari 16.4,
    // and older phones must keep the mobile layout working.
    "media-feature-range-notation": "prefix",
    // Component rules are grouped by component, not by specificity.
    "no-descending-specificity": null,
  },
};
