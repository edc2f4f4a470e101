import type { Stage } from "../stage.js";

export const times: Stage = () => {};
