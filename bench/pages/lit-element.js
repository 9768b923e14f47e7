// The floor for "composer painted": a trivial Lit element with a text field, nothing else.
import { css, html, LitElement } from 'lit';

class BenchComposer extends LitElement {
  static styles = css`
    :host {
      display: block;
      padding: 8px;
    }
    textarea {
      width: 100%;
      box-sizing: border-box;
    }
  `;

  render() {
    return html`<textarea aria-label="Message"></textarea>`;
  }
}
customElements.define('bench-composer', BenchComposer);
