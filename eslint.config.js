// ESLint for the front end's few small scripts: ES modules, except the two
// files a browser must load as classic scripts (see the comment atop each).
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    ignores: [".venv/", ".tools/", "node_modules/", "staticfiles/", "var/", "media/"],
  },
  js.configs.recommended,
  {
    files: ["static/js/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: globals.browser,
    },
    rules: {
      "no-var": "error",
      "prefer-const": "error",
      eqeqeq: "error",
    },
  },
  {
    files: ["static/js/quick-exit.js"],
    languageOptions: { sourceType: "script" },
  },
  {
    files: ["static/js/sw.js"],
    languageOptions: { sourceType: "script", globals: globals.serviceworker },
  },
  {
    files: ["eslint.config.js", "stylelint.config.js"],
    languageOptions: { sourceType: "module", globals: globals.node },
  },
];
