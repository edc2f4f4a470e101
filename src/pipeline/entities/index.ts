import type { Stage } from "../stage.js";

export const entities: Stage = () => {};
