import type { Stage } from "../stage.js";

export const events: Stage = () => {};
