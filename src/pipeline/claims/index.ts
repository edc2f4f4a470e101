import type { Stage } from "../stage.js";

export const claims: Stage = () => {};
