import type { Stage } from "../stage.js";

export const counts: Stage = () => {};
